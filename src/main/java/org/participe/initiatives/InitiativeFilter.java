package org.participe.initiatives;

public record InitiativeFilter(InitiativeStatus status, Long categoryId, Long neighbourhoodId) {

    public static InitiativeFilter all() {
        return new InitiativeFilter(null, null, null);
    }
}
