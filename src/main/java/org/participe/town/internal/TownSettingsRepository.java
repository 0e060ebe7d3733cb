package org.participe.town.internal;

import java.util.Optional;

import org.participe.town.TownProfile;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TownSettingsRepository extends JpaRepository<TownSettingsEntity, Short> {

    /** Every setting but the logo's bytes, which only the logo endpoint reads. */
    @Query("""
            select new org.participe.town.TownProfile(s.name, s.description, s.descriptionEn, s.mainColour,
                   case when s.logoContentType is not null then true else false end,
                   s.thresholdSupports, s.thresholdDays, s.preModeration,
                   s.flagsToHide, s.answerDueDays, s.unansweredAlertDays, s.version)
            from TownSettingsEntity s where s.id = 1""")
    Optional<TownProfile> findProfile();
}
