package org.participe.test;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.awaitility.Awaitility;

/** Reads what the application sent through the test SMTP server. */
public final class Mails {

    private static final Pattern TOKEN_LINK = Pattern.compile("https?://\\S+/(confirm-email|reset-password)\\?token=([A-Za-z0-9_-]+)");

    private Mails() {
    }

    /** Waits for the latest e-mail to an address whose subject contains the given text. */
    public static MimeMessage awaitLatest(String to, String subjectPart) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> latest(to, subjectPart), message -> message != null);
    }

    public static MimeMessage latest(String to, String subjectPart) throws Exception {
        MimeMessage found = null;
        for (MimeMessage message : TestInfrastructure.mail().getReceivedMessages()) {
            boolean toMatches = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().equalsIgnoreCase(to));
            if (toMatches && message.getSubject().contains(subjectPart)) {
                found = message;
            }
        }
        return found;
    }

    public static int count(String to) throws Exception {
        int count = 0;
        for (MimeMessage message : TestInfrastructure.mail().getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(to))) {
                count++;
            }
        }
        return count;
    }

    /** The link carried by an e-mail (confirmation or reset), as a path with its token. */
    public static String link(MimeMessage message) {
        Matcher matcher = TOKEN_LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
        if (!matcher.find()) {
            throw new AssertionError("No link in the e-mail: " + GreenMailUtil.getBody(message));
        }
        return matcher.group(0);
    }

    public static String token(MimeMessage message) {
        String link = link(message);
        return link.substring(link.indexOf("token=") + "token=".length());
    }
}
