package org.participe.initiatives;

public enum InitiativeStatus {
    PLANNED, CONSULTATION, IN_PROGRESS, DONE, CANCELLED
}
