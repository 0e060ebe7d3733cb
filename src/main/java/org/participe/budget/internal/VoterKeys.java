package org.participe.budget.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The voter key of a ballot: HMAC-SHA-256 of the envelope and the account under the campaign's ballot key. */
public final class VoterKeys {

    private VoterKeys() {
    }

    public static byte[] of(byte[] ballotKey, long envelopeId, long accountId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ballotKey, "HmacSHA256"));
            return mac.doFinal((envelopeId + ":" + accountId).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }
}
