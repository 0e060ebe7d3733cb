package org.participe.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.participe.notifications.NotificationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-click unsubscribe links that work without logging in: the account and the kind, signed
 * with HMAC-SHA256 under a secret kept in the database (shared by every app instance). A link
 * cannot be forged, nor changed to unsubscribe someone else.
 */
@Component
public class UnsubscribeTokens {

    public record Subject(long accountId, NotificationKind kind) {
    }

    private final JdbcClient jdbc;
    private volatile byte[] secret;

    UnsubscribeTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A link for one kind of e-mail, or for all of them when {@code kind} is null. */
    public String issue(long accountId, NotificationKind kind) {
        String payload = accountId + "." + (kind == null ? "ALL" : kind.name());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + sign(payload);
    }

    public Optional<Subject> verify(String token) {
        if (token == null || token.length() > 300) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
                return Optional.empty();
            }
            String[] parts = payload.split("\\.");
            return Optional.of(new Subject(Long.parseLong(parts[0]), "ALL".equals(parts[1]) ? null : NotificationKind.valueOf(parts[1])));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] secret() {
        if (secret == null) {
            secret = jdbc.sql("select value from app_secret where name = 'unsubscribe'").query(String.class).single()
                    .getBytes(StandardCharsets.UTF_8);
        }
        return secret;
    }
}
