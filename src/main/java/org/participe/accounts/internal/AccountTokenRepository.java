package org.participe.accounts.internal;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface AccountTokenRepository extends JpaRepository<AccountTokenEntity, Long> {

    Optional<AccountTokenEntity> findByTokenHash(String tokenHash);

    /** Locks the token row so that two clicks on one link cannot both use it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from AccountTokenEntity t where t.tokenHash = :tokenHash")
    Optional<AccountTokenEntity> lockByTokenHash(String tokenHash);

    /** A new link replaces the older ones of the same purpose. */
    @Modifying
    @Query("update AccountTokenEntity t set t.usedAt = :now where t.accountId = :accountId and t.purpose = :purpose and t.usedAt is null")
    int retireAll(Long accountId, AccountTokenEntity.Purpose purpose, Instant now);
}
