package org.participe.test;

import java.util.concurrent.atomic.AtomicInteger;

import org.participe.base.mail.Mailer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;

/**
 * Lets a test make the next e-mails fail to be written to the outbox, which fails the transaction
 * that sends them (as a database error would). An SMTP outage no longer does that: stop the test
 * SMTP server instead ({@link TestInfrastructure#stopMail()}).
 */
@Component
public class MailerFaults implements BeanPostProcessor {

    private static final AtomicInteger FAILURES = new AtomicInteger();

    public static void failNext(int count) {
        FAILURES.set(count);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Mailer mailer) {
            return (Mailer) message -> {
                if (FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new MailSendException("Simulated SMTP outage");
                }
                mailer.send(message);
            };
        }
        return bean;
    }
}
