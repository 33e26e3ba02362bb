package se.integrationjourney.eventstore.personaldata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.function.BooleanSupplier;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.integrationjourney.eventstore.MisconfiguredStorageException;

/**
 * The operator's master key, which wraps every journey's key. Given as a value or a file; with neither, a single
 * node makes its own key file on its first start, and only then: once the store holds keys, a node without the key
 * refuses to start rather than make another one that opens nothing. Whether a key opens the stored keys is checked
 * once the database is migrated ({@link JourneyKeys#checkMasterKey}).
 */
public final class MasterKey {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);

    private final SecretKey key;
    private final SecretKey previous;
    /** Where the key came from, for messages: never the key. */
    private final String source;

    MasterKey(SecretKey key, SecretKey previous, String source) {
        this.key = key;
        this.previous = previous;
        this.source = source;
    }

    /**
     * @param storeHoldsKeys whether the database already holds keys wrapped by some master key
     */
    public static MasterKey load(PersonalDataSettings settings, BooleanSupplier storeHoldsKeys) {
        SecretKey previous = settings.previousMasterKey() == null
                ? null
                : parse(settings.previousMasterKey(), "journey.personal-data.previous-master-key");
        if (settings.masterKey() != null) {
            return new MasterKey(
                    parse(settings.masterKey(), "journey.personal-data.master-key"),
                    previous,
                    "journey.personal-data.master-key");
        }
        if (settings.masterKeyFile() != null) {
            return new MasterKey(read(settings.masterKeyFile()), previous, "the file " + settings.masterKeyFile());
        }
        Path created = settings.createdKeyFile();
        if (created != null && Files.exists(created)) {
            return new MasterKey(read(created), previous, "the file " + created);
        }
        if (created == null || storeHoldsKeys.getAsBoolean()) {
            throw new MisconfiguredStorageException("No master key is given (JOURNEY_MASTER_KEY or"
                    + " JOURNEY_MASTER_KEY_FILE), but the database already holds personal-data keys wrapped by one."
                    + " Give this node the same master key as the others; without it nothing personal can be read.");
        }
        return new MasterKey(create(created), previous, "the file " + created + ", created now");
    }

    private static SecretKey create(Path file) {
        SecretKey key = AesGcm.newKey();
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(key.getEncoded()) + "\n");
        } catch (FileAlreadyExistsException e) {
            return read(file); // another process on this machine made it first
        } catch (IOException | UnsupportedOperationException e) {
            throw new MisconfiguredStorageException("Cannot create the master key file " + file + ": " + e.getMessage()
                    + ". Give a master key with JOURNEY_MASTER_KEY or JOURNEY_MASTER_KEY_FILE.");
        }
        LOG.warn(
                "No master key was given, so one was created in {} (readable by this user only). Back it up:"
                        + " without it no name or identity number can be read. Several nodes must all be given"
                        + " this same key (JOURNEY_MASTER_KEY_FILE).",
                file.toAbsolutePath());
        return key;
    }

    private static SecretKey read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.US_ASCII), "the master key file " + file);
        } catch (IOException e) {
            throw new MisconfiguredStorageException("Cannot read the master key file " + file + ": " + e.getMessage());
        }
    }

    private static SecretKey parse(String base64, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new MisconfiguredStorageException(where + " is not base64 (make one with: openssl rand -base64 32)");
        }
        if (bytes.length != AesGcm.KEY_BYTES) {
            throw new MisconfiguredStorageException(where + " holds " + bytes.length + " bytes; a master key is "
                    + AesGcm.KEY_BYTES + " (make one with: openssl rand -base64 32)");
        }
        return AesGcm.key(bytes);
    }

    SecretKey key() {
        return key;
    }

    /** The key before a rotation, or null. */
    SecretKey previous() {
        return previous;
    }

    String source() {
        return source;
    }
}
