package org.participe.town.internal;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "town_settings")
public class TownSettingsEntity {

    public static final short SINGLETON_ID = 1;

    @Id
    private Short id = SINGLETON_ID;
    private String name;
    private String description;
    private String descriptionEn;
    private String mainColour;
    @Basic(fetch = FetchType.LAZY)
    private byte[] logo;
    private String logoContentType;
    private int thresholdSupports;
    private int thresholdDays;
    private boolean preModeration;
    private int flagsToHide = 3;
    private int answerDueDays = 30;
    private int unansweredAlertDays = 60;
    private int flagMinAccountDays = 7;
    private int flagMinContributions = 1;
    private int flagProtectedSupports = 50;
    private Instant updatedAt;
    private Long updatedBy;
    @Version
    private long version;

    protected TownSettingsEntity() {
    }

    public TownSettingsEntity(String name) {
        this.name = name;
        this.description = "";
        this.descriptionEn = "";
        this.mainColour = "#1a5fb4";
        this.thresholdSupports = 300;
        this.thresholdDays = 90;
        this.updatedAt = Instant.now();
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getDescriptionEn() { return descriptionEn; }
    public void setDescriptionEn(String descriptionEn) { this.descriptionEn = descriptionEn; }
    public String getMainColour() { return mainColour; }
    public void setMainColour(String mainColour) { this.mainColour = mainColour; }
    public byte[] getLogo() { return logo; }
    public String getLogoContentType() { return logoContentType; }
    public void setLogo(byte[] logo, String contentType) { this.logo = logo; this.logoContentType = contentType; }
    public int getThresholdSupports() { return thresholdSupports; }
    public void setThresholdSupports(int thresholdSupports) { this.thresholdSupports = thresholdSupports; }
    public int getThresholdDays() { return thresholdDays; }
    public void setThresholdDays(int thresholdDays) { this.thresholdDays = thresholdDays; }
    public boolean isPreModeration() { return preModeration; }
    public void setPreModeration(boolean preModeration) { this.preModeration = preModeration; }
    public int getFlagsToHide() { return flagsToHide; }
    public void setFlagsToHide(int flagsToHide) { this.flagsToHide = flagsToHide; }
    public int getAnswerDueDays() { return answerDueDays; }
    public void setAnswerDueDays(int answerDueDays) { this.answerDueDays = answerDueDays; }
    public int getUnansweredAlertDays() { return unansweredAlertDays; }
    public void setUnansweredAlertDays(int unansweredAlertDays) { this.unansweredAlertDays = unansweredAlertDays; }
    public int getFlagMinAccountDays() { return flagMinAccountDays; }
    public void setFlagMinAccountDays(int days) { this.flagMinAccountDays = days; }
    public int getFlagMinContributions() { return flagMinContributions; }
    public void setFlagMinContributions(int contributions) { this.flagMinContributions = contributions; }
    public int getFlagProtectedSupports() { return flagProtectedSupports; }
    public void setFlagProtectedSupports(int supports) { this.flagProtectedSupports = supports; }
    public void touch(Instant when, Long by) { this.updatedAt = when; this.updatedBy = by; }
    public long getVersion() { return version; }
}
