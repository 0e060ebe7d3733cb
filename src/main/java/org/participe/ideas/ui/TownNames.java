package org.participe.ideas.ui;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.participe.town.Category;
import org.participe.town.Neighbourhood;
import org.participe.town.TownService;

/** Names of categories and neighbourhoods, read once per view. */
record TownNames(Map<Long, Category> categories, Map<Long, Neighbourhood> neighbourhoods) {

    static TownNames of(TownService town) {
        return new TownNames(town.categories().stream().collect(Collectors.toMap(Category::id, Function.identity())),
                town.neighbourhoods().stream().collect(Collectors.toMap(Neighbourhood::id, Function.identity())));
    }

    String category(long id, Locale locale) {
        Category category = categories.get(id);
        return category == null ? "" : category.name(locale);
    }

    String neighbourhood(Long id, String wholeTown) {
        if (id == null) {
            return wholeTown;
        }
        Neighbourhood neighbourhood = neighbourhoods.get(id);
        return neighbourhood == null ? wholeTown : neighbourhood.name();
    }
}
