package org.participe.base.mail;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.util.StringUtils;

/** How the sender delivers: through SMTP when one is configured, otherwise into the dev outbox. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);
    private static final Pattern PAGE = Pattern.compile("[a-z][a-z-]*");

    @Bean
    MailTransport mailTransport(@Value("${spring.mail.host:}") String smtpHost, @Value("${participe.mail.from}") String from,
                                @Value("${participe.base-url}") String baseUrl, ObjectProvider<JavaMailSender> javaMailSender) {
        if (StringUtils.hasText(smtpHost)) {
            log.info("Mail: sending through SMTP at {}, from the outbox", smtpHost);
            return new SmtpTransport(javaMailSender.getObject(), from);
        }
        log.info("Mail: no SMTP configured (SPRING_MAIL_HOST); e-mails are kept in the outbox page for administrators, "
                + "the log only says who got which one");
        return new MailTransport() {
            @Override
            public MailChannel channel() {
                return MailChannel.DEV_OUTBOX;
            }

            @Override
            public void deliver(MailMessage message) {
                log.info("E-mail to {} — {} ({})", message.to(), message.subject(), kind(message.textBody(), baseUrl));
            }
        };
    }

    private record SmtpTransport(JavaMailSender sender, String from) implements MailTransport {

        @Override
        public MailChannel channel() {
            return MailChannel.SMTP;
        }

        @Override
        public void deliver(MailMessage message) throws Exception {
            var mime = sender.createMimeMessage();
            var helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.to());
            helper.setSubject(message.subject());
            helper.setText(message.textBody(), message.htmlBody());
            for (var header : message.headers().entrySet()) {
                mime.addHeader(header.getKey(), header.getValue());
            }
            sender.send(mime);
        }
    }

    /**
     * What kind of mail it is, told by the application page its first link opens ({@code reset-password},
     * {@code confirm-email}…): never the link itself, whose token would let anyone reading the log
     * take over the account.
     */
    static String kind(String textBody, String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        int start = textBody.indexOf(base);
        if (start < 0) {
            return "no link";
        }
        Matcher page = PAGE.matcher(textBody.substring(start + base.length()));
        return page.lookingAt() ? "link to " + page.group() : "link";
    }
}
