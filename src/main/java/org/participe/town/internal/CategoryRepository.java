package org.participe.town.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CategoryRepository extends JpaRepository<CategoryEntity, Long> {

    List<CategoryEntity> findAllByOrderByPositionAscNameFrAsc();

    boolean existsByNameFrIgnoreCase(String nameFr);

    boolean existsByNameEnIgnoreCase(String nameEn);

    @Query("select coalesce(max(c.position), 0) from CategoryEntity c")
    int maxPosition();
}
