package org.participe.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.as;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.participe.base.privacy.PersonalData;
import org.participe.base.privacy.PersonalDataSet;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The profile in the copy of one's data names the person's neighbourhood, which the town module keeps. */
@SpringBootTest
class ProfileExportIT {

    @Autowired List<PersonalData> features;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theProfileNamesTheNeighbourhood() {
        data.ensureTown();
        ParticipeUser person = data.confirmedAccount("export-place", Roles.RESIDENT);
        String place = jdbc.queryForObject("select name from neighbourhood order by id limit 1", String.class);
        jdbc.update("update account set neighbourhood_id = (select id from neighbourhood where name = ?) where id = ?", place, person.accountId());

        PersonalDataSet profile = as(person, () -> features.stream().flatMap(feature -> feature.export(person.accountId()).stream())
                .filter(set -> set.name().equals("profile")).findFirst().orElseThrow());

        assertThat(profile.rows()).hasSize(1);
        assertThat(profile.rows().getFirst().get(profile.columns().indexOf("neighbourhood"))).isEqualTo(place);
    }
}
