package org.participe.town.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "category")
public class CategoryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String nameFr;
    private String nameEn;
    private int position;
    private boolean active = true;
    @Version
    private long version;

    protected CategoryEntity() {
    }

    public CategoryEntity(String nameFr, String nameEn, int position) {
        this.nameFr = nameFr;
        this.nameEn = nameEn;
        this.position = position;
    }

    public Long getId() { return id; }
    public String getNameFr() { return nameFr; }
    public String getNameEn() { return nameEn; }
    public void rename(String nameFr, String nameEn) { this.nameFr = nameFr; this.nameEn = nameEn; }
    public int getPosition() { return position; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public long getVersion() { return version; }
}
