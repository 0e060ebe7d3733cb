package org.participe.accounts.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.participe.accounts.Sex;

@Entity
@Table(name = "account")
public class AccountEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String email;
    private String displayName;
    private String passwordHash;
    private Long neighbourhoodId;
    private Short birthYear;
    @Enumerated(EnumType.STRING)
    private Sex sex;
    private String locale;
    private Instant termsAcceptedAt;
    private Instant emailConfirmedAt;
    private Instant lockedUntil;
    private Instant blockedAt;
    private String blockedReason;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    private Set<String> roles = new HashSet<>();

    protected AccountEntity() {
    }

    public AccountEntity(String email, String displayName, String passwordHash, String locale, Instant now) {
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.locale = locale;
        this.termsAcceptedAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public Long getNeighbourhoodId() { return neighbourhoodId; }
    public void setNeighbourhoodId(Long neighbourhoodId) { this.neighbourhoodId = neighbourhoodId; }
    public Short getBirthYear() { return birthYear; }
    public void setBirthYear(Short birthYear) { this.birthYear = birthYear; }
    public Sex getSex() { return sex; }
    public void setSex(Sex sex) { this.sex = sex; }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }
    public Instant getEmailConfirmedAt() { return emailConfirmedAt; }
    public boolean isConfirmed() { return emailConfirmedAt != null; }
    public void confirmEmail(Instant when) { this.emailConfirmedAt = when; }
    public Instant getLockedUntil() { return lockedUntil; }
    public void setLockedUntil(Instant lockedUntil) { this.lockedUntil = lockedUntil; }
    public Instant getCreatedAt() { return createdAt; }
    public void touch(Instant when) { this.updatedAt = when; }
    public long getVersion() { return version; }
    public Instant getBlockedAt() { return blockedAt; }
    public String getBlockedReason() { return blockedReason; }
    public void block(Instant when, String reason) { this.blockedAt = when; this.blockedReason = reason; }
    public void unblock() { this.blockedAt = null; this.blockedReason = null; }
    public Instant getDeletedAt() { return deletedAt; }
    public Set<String> getRoles() { return roles; }

    /**
     * Deletes the account as its owner asked: the row stays, anonymous, so that what must outlive it
     * (supports counted, contributions kept under "deleted account") still has an author.
     */
    public void erase(Instant when, String anonymousName, String unusablePasswordHash) {
        this.email = "deleted-" + id + "@deleted.invalid";
        this.displayName = anonymousName;
        this.passwordHash = unusablePasswordHash;
        this.neighbourhoodId = null;
        this.birthYear = null;
        this.sex = null;
        this.blockedReason = null;
        this.lockedUntil = null;
        this.roles.clear();
        this.deletedAt = when;
        this.updatedAt = when;
    }
    public void replaceRoles(Set<String> newRoles) { roles.clear(); roles.addAll(newRoles); }
}
