package org.participe.budget.internal;

import java.util.List;

import org.participe.base.privacy.PersonalData;
import org.participe.base.privacy.PersonalDataSet;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The citizens' budget votes a person took part in (who voted, never what: the choices are stored
 * apart and can be found only through a voter key that the count erases, so they cannot be
 * exported). A deleted account keeps its participation rows, which then name an anonymous account:
 * a vote cast stays counted once, and the turnout stays right.
 */
@Component
@Order(35)
class BallotPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    BallotPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PersonalDataSet> export(long accountId) {
        return List.of(PersonalDataSet.query(jdbc, "budget_votes", """
                select c.title as campaign, coalesce(n.name, '-') as neighbourhood_envelope, p.channel, cast(p.first_cast_on as text) as first_cast_on
                from budget_participation p join budget_envelope e on e.id = p.envelope_id
                join budget_campaign c on c.id = e.campaign_id left join neighbourhood_public n on n.id = e.neighbourhood_id
                where p.account_id = ? order by p.first_cast_on, c.id""", accountId));
    }

    @Override
    public void erase(long accountId, boolean eraseContributions) {
        // Kept on purpose (see above): the row names the anonymous account that remains.
    }
}
