package se.integrationjourney.eventstore.personaldata;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import se.integrationjourney.eventstore.MisconfiguredStorageException;

/**
 * Where the master key comes from and how long opened journey keys stay in memory, {@code journey.personal-data.*}
 * (docs/operations.md, "The master key").
 *
 * @param masterKey         the master key itself, 32 bytes in base64 ({@code JOURNEY_MASTER_KEY}); or
 * @param masterKeyFile     a file holding it, in base64 ({@code JOURNEY_MASTER_KEY_FILE}); with neither, a single
 *                          node uses {@code createdKeyFile}, made on first start
 * @param createdKeyFile    where a single node's key file is made when none is given, and looked for after
 * @param previousMasterKey the master key before a rotation ({@code JOURNEY_PREVIOUS_MASTER_KEY}): at start, keys
 *                          still wrapped by it are wrapped again by the new one
 * @param keyCacheTtl       how long a node keeps a journey's opened key; also how long another node may still
 *                          open a journey after it is erased elsewhere
 */
@ConfigurationProperties("journey.personal-data")
public record PersonalDataSettings(
        String masterKey, Path masterKeyFile, Path createdKeyFile, String previousMasterKey, Duration keyCacheTtl) {

    public PersonalDataSettings {
        masterKey = blankToNull(masterKey);
        previousMasterKey = blankToNull(previousMasterKey);
        if (masterKey != null
                && masterKeyFile != null
                && !masterKeyFile.toString().isBlank()) {
            throw new MisconfiguredStorageException("Both journey.personal-data.master-key and"
                    + " journey.personal-data.master-key-file are set: give the master key one way only");
        }
        if (masterKeyFile != null && masterKeyFile.toString().isBlank()) {
            masterKeyFile = null;
        }
        if (keyCacheTtl == null || keyCacheTtl.isNegative()) {
            throw new MisconfiguredStorageException("journey.personal-data.key-cache-ttl must be a duration of 0 or"
                    + " more: how long an opened journey key stays in a node's memory");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
