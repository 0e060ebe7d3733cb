package org.participe.accounts.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AccountRepository extends JpaRepository<AccountEntity, Long> {

    Optional<AccountEntity> findByEmail(String email);

    boolean existsByEmail(String email);

    /**
     * People matching a search on name or e-mail (the search escaped for LIKE with a backslash);
     * the roles come in one batched query per page.
     */
    @Query(value = """
            select a from AccountEntity a
            where :search = '' or lower(a.displayName) like concat('%', :search, '%') escape '\\' or a.email like concat('%', :search, '%') escape '\\'""",
           countQuery = """
            select count(a) from AccountEntity a
            where :search = '' or lower(a.displayName) like concat('%', :search, '%') escape '\\' or a.email like concat('%', :search, '%') escape '\\'""")
    Page<AccountEntity> search(String search, Pageable pageable);

    @Query("select a from AccountEntity a where :role member of a.roles order by a.displayName")
    List<AccountEntity> findByRole(String role);
}
