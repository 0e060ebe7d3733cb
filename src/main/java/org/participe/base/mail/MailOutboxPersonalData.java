package org.participe.base.mail;

import java.util.List;

import org.participe.base.privacy.PersonalData;
import org.participe.base.privacy.PersonalDataSet;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The mails kept for a person in the outbox. Not exported: they are copies, in transit, of what the
 * person's export already holds (the notifications) or of links that only make sense in the mailbox
 * (confirmation, reset), and they are deleted a few days after delivery. Erased with the account:
 * nothing more is sent to a deleted account, and no copy of its address and name stays behind.
 */
@Component
@Order(60)
class MailOutboxPersonalData implements PersonalData {

    private final MailOutboxStore store;

    MailOutboxPersonalData(MailOutboxStore store) {
        this.store = store;
    }

    @Override
    public List<PersonalDataSet> export(long accountId) {
        return List.of();
    }

    @Override
    public void erase(long accountId, boolean eraseContributions) {
        store.eraseFor(accountId);
    }
}
