package org.participe.town.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NeighbourhoodRepository extends JpaRepository<NeighbourhoodEntity, Long> {

    List<NeighbourhoodEntity> findAllByOrderByPositionAscNameAsc();

    boolean existsByNameIgnoreCase(String name);

    @Query("select coalesce(max(n.position), 0) from NeighbourhoodEntity n")
    int maxPosition();
}
