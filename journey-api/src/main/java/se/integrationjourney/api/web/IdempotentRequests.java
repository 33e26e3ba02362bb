package se.integrationjourney.api.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on writes: the first answer to a (user, key) is stored in the same transaction as the
 * events its command recorded, and every repeat gets that answer back without recording anything.
 *
 * <p>Racing repeats are serialized by PostgreSQL itself, on this node or any other: the second insert of the same
 * key waits on the first transaction's uncommitted row (the table's primary key is the user and the key), then finds
 * it committed (and replays it) or rolled back (and runs itself). Nothing of it is held in memory. A refused command
 * rolls back its key with it, so a corrected retry may reuse the key.
 *
 * <p>A command refused for having been decided on a journey that had changed meanwhile ({@link DecideAgain}) aborts
 * this transaction, key and all; the whole transaction is then run again, the key claimed anew, so that a repeat
 * that committed meanwhile on another node is replayed rather than recorded twice.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    public IdempotentRequests(JdbcTemplate jdbc, TransactionTemplate transaction, JsonMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
    }

    /**
     * Runs {@code action} once per key. Without a key the action simply runs.
     *
     * @param username the signed-in account: keys are each account's own
     * @param request  what the caller sent (method, path and body): a key reused for anything else is refused
     */
    public ResponseEntity<?> run(
            String key,
            String username,
            String method,
            String path,
            Object request,
            Supplier<ResponseEntity<?>> action) {
        if (key == null) {
            return action.get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw new ApiException(Problems.VALIDATION, "Idempotency-Key must be 1 to 200 visible ASCII characters");
        }
        String fingerprint = fingerprint(method + " " + path + "\n" + json.writeValueAsString(request));
        return DecideAgain.onFreshState(() -> transaction.execute(status -> {
            int claimed = jdbc.update(
                    "insert into idempotent_request (username, idempotency_key,"
                            + " request_fingerprint, status) values (?, ?, ?, 0) on conflict do nothing",
                    username,
                    key,
                    fingerprint);
            if (claimed == 0) {
                return replay(username, key, fingerprint);
            }
            ResponseEntity<?> response = action.get();
            URI location = response.getHeaders().getLocation();
            jdbc.update(
                    "update idempotent_request set status = ?, location = ?, response_body = ?"
                            + " where username = ? and idempotency_key = ?",
                    response.getStatusCode().value(),
                    location == null ? null : location.toString(),
                    response.getBody() == null ? null : json.writeValueAsString(response.getBody()),
                    username,
                    key);
            return response;
        }));
    }

    private ResponseEntity<?> replay(String username, String key, String fingerprint) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select request_fingerprint, status, location,"
                        + " response_body from idempotent_request where username = ? and idempotency_key = ?",
                username,
                key);
        Map<String, Object> first = rows.get(0);
        if (!fingerprint.equals(first.get("request_fingerprint"))) {
            throw new ApiException(
                    Problems.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key for a new request");
        }
        ResponseEntity.BodyBuilder replayed = ResponseEntity.status(HttpStatus.valueOf((Integer) first.get("status")))
                .header(REPLAYED_HEADER, "true");
        if (first.get("location") != null) {
            replayed.header(HttpHeaders.LOCATION, (String) first.get("location"));
        }
        String body = (String) first.get("response_body");
        return body == null
                ? replayed.build()
                : replayed.contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String fingerprint(String request) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
