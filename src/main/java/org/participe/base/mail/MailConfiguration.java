package org.participe.base.mail;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    Mailer mailer(@Value("${spring.mail.host:}") String smtpHost, @Value("${participe.mail.from}") String from,
                  ObjectProvider<JavaMailSender> javaMailSender, DevOutbox outbox) {
        if (StringUtils.hasText(smtpHost)) {
            log.info("Mail: sending through SMTP at {}", smtpHost);
            JavaMailSender sender = javaMailSender.getObject();
            return message -> {
                try {
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
                } catch (MessagingException e) {
                    throw new MailSendException("Could not build the e-mail to " + message.to(), e);
                } catch (MailException e) {
                    log.warn("Mail to {} failed: {}", message.to(), e.getMessage());
                    throw e;
                }
            };
        }
        log.info("Mail: no SMTP configured (SPRING_MAIL_HOST); e-mails go to the log and the dev outbox");
        return message -> {
            log.info("E-mail to {} — {}\n{}", message.to(), message.subject(), message.textBody());
            outbox.add(message);
        };
    }
}
