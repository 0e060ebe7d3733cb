package org.participe.base.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/** Which failures are worth another try: what the SMTP server and JavaMail actually throw, as Spring wraps them. */
class MailFailureTest {

    @Test
    void anUnknownMailboxIsPermanent() throws Exception {
        var refused = new SMTPAddressFailedException(new InternetAddress("nobody@example.org"), "RCPT TO", 550, "550 5.1.1 user unknown");
        MailFailure failure = MailFailure.of(new MailSendException(Map.of(new Object(), new MessagingException("Invalid Addresses", refused))));
        assertThat(failure.kind()).isEqualTo(MailFailure.Kind.PERMANENT);
        assertThat(failure.reason()).contains("550");
    }

    @Test
    void aRefusedMessageIsPermanentButAFullMailboxOrGreylistingIsTriedAgain() throws Exception {
        var rejected = new SMTPSendFailedException("DATA", 554, "554 5.7.1 rejected", null, null, null, null);
        assertThat(MailFailure.of(new MailSendException(Map.of(new Object(), rejected))).kind()).isEqualTo(MailFailure.Kind.PERMANENT);
        var greylisted = new SMTPAddressFailedException(new InternetAddress("someone@example.org"), "RCPT TO", 451, "451 4.7.1 try later");
        assertThat(MailFailure.of(new MailSendException(Map.of(new Object(), greylisted))).kind()).isEqualTo(MailFailure.Kind.TEMPORARY);
    }

    @Test
    void anAddressThatCannotBeParsedIsPermanent() {
        assertThat(MailFailure.of(new AddressException("Missing final '@domain'", "camille")).kind()).isEqualTo(MailFailure.Kind.PERMANENT);
    }

    @Test
    void aServerThatDoesNotAnswerOrRefusesTheLoginIsUnavailableNotPermanent() {
        var down = new MailSendException("Mail server connection failed", new MessagingException("Couldn't connect", new ConnectException("Connection refused")));
        assertThat(MailFailure.of(down).kind()).isEqualTo(MailFailure.Kind.SERVER_UNAVAILABLE);
        assertThat(MailFailure.of(new MailAuthenticationException("535 authentication failed")).kind()).isEqualTo(MailFailure.Kind.SERVER_UNAVAILABLE);
    }

    @Test
    void theReasonIsOneShortLine() {
        MailFailure failure = MailFailure.of(new IllegalStateException("first line\r\nsecond line " + "x".repeat(2000)));
        assertThat(failure.reason()).doesNotContain("\n").doesNotContain("\r").hasSizeLessThanOrEqualTo(500);
    }
}
