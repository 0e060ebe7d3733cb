package org.participe.accounts.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "account_token")
public class AccountTokenEntity {

    public enum Purpose { CONFIRM_EMAIL, RESET_PASSWORD, CHANGE_EMAIL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long accountId;
    @Enumerated(EnumType.STRING)
    private Purpose purpose;
    private String tokenHash;
    private String newEmail;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant usedAt;

    protected AccountTokenEntity() {
    }

    public AccountTokenEntity(Long accountId, Purpose purpose, String tokenHash, String newEmail, Instant createdAt, Instant expiresAt) {
        this.accountId = accountId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.newEmail = newEmail;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Long getAccountId() { return accountId; }
    public Purpose getPurpose() { return purpose; }
    public String getNewEmail() { return newEmail; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getUsedAt() { return usedAt; }
    public boolean isUsable(Instant now) { return usedAt == null && now.isBefore(expiresAt); }
    public void use(Instant when) { this.usedAt = when; }
}
