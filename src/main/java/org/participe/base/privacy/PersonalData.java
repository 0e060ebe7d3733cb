package org.participe.base.privacy;

import java.util.List;

/**
 * What one feature keeps about a person, for the person's rights (GDPR): every feature that stores
 * personal data implements this, so that a copy of one's data and the deletion of one's account
 * cover it without the privacy feature knowing its tables. Both methods run inside the caller's
 * transaction: an export reads one consistent snapshot, and a deletion is all or nothing.
 * Implementations are ordered ({@link org.springframework.core.annotation.Order}): the account
 * itself is erased last.
 */
public interface PersonalData {

    /** The person's data held by this feature, one table per file of the export. */
    List<PersonalDataSet> export(long accountId);

    /**
     * Erases the person's personal data held by this feature. Contributions (ideas, comments) stay
     * under "deleted account" unless {@code eraseContributions}, in which case their text goes too.
     */
    void erase(long accountId, boolean eraseContributions);
}
