package org.participe.budget;

/**
 * What the current person may do on a campaign's page, decided by {@link CampaignService}.
 *
 * @param edit     change the campaign (staff, administrators)
 * @param propose  whether "Propose a project" leads somewhere for this person now, and if not why
 * @param vote     whether to link to the vote (the vote is open)
 * @param results  whether to link to the results (the vote has closed)
 * @param follow   follow the campaign
 */
public record CampaignCapabilities(boolean edit, ProposeAccess propose, boolean vote, boolean results, boolean follow) {
}
