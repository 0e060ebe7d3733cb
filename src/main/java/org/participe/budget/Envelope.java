package org.participe.budget;

/** An envelope of a campaign: the whole town ({@code neighbourhoodId} null) or one neighbourhood, with its name. */
public record Envelope(long id, Long neighbourhoodId, String neighbourhoodName, long amountCents) {

    public boolean wholeTown() {
        return neighbourhoodId == null;
    }
}
