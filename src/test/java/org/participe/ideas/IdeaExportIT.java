package org.participe.ideas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.as;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.participe.base.privacy.PersonalData;
import org.participe.base.privacy.PersonalDataSet;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.participe.town.Category;
import org.participe.town.Neighbourhood;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The ideas in the copy of one's data name their category and neighbourhood, which the town module
 * keeps (issue 16: ideas asks it rather than reading its tables).
 */
@SpringBootTest
class IdeaExportIT {

    @Autowired List<PersonalData> features;
    @Autowired TestData data;
    @Autowired IdeaService ideas;
    @Autowired TownService town;

    @Test
    void theIdeasNameTheirCategoryAndNeighbourhood() {
        data.ensureTown();
        ParticipeUser author = data.confirmedAccount("export-names", Roles.RESIDENT);
        Category category = as(author, () -> town.activeCategories().getLast());
        Neighbourhood place = as(author, () -> town.activeNeighbourhoods().getLast());
        long inPlace = as(author, () -> ideas.propose(new IdeaDraft("Un banc près de l’école",
                "Une description assez longue pour être acceptée.", category.id(), place.id(), null)));
        long wholeTown = as(author, () -> ideas.propose(new IdeaDraft("Des fontaines dans toute la ville",
                "Une description assez longue pour être acceptée.", category.id(), null, null)));

        PersonalDataSet exported = as(author, () -> features.stream().flatMap(feature -> feature.export(author.accountId()).stream())
                .filter(set -> set.name().equals("ideas")).findFirst().orElseThrow());

        int id = exported.columns().indexOf("id");
        int categoryColumn = exported.columns().indexOf("category");
        int neighbourhoodColumn = exported.columns().indexOf("neighbourhood");
        assertThat(exported.rows()).extracting(row -> ((Number) row.get(id)).longValue()).containsExactly(inPlace, wholeTown);
        assertThat(exported.rows()).extracting(row -> row.get(categoryColumn)).containsExactly(category.nameFr(), category.nameFr());
        assertThat(exported.rows()).extracting(row -> row.get(neighbourhoodColumn)).containsExactly(place.name(), null);
    }
}
