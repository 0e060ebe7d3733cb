package org.participe.budget;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.participe.base.TownZone;
import org.participe.base.validation.InvalidInputException;
import org.participe.budget.internal.BallotStore;
import org.participe.budget.internal.EnvelopeRow;
import org.participe.budget.internal.StoredBallot;
import org.participe.budget.internal.VoteSettings;
import org.participe.budget.internal.VoterKeys;
import org.participe.security.CurrentUser;
import org.participe.security.ParticipeUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vote of a citizens' budget: the ballot page of the current person and casting (or changing)
 * their ballot of an envelope until the vote closes. The server checks everything whatever the page
 * did: the phase (by {@link BudgetPhase}), the person's eligibility ({@link VoterEligibility}), and
 * the ballot ({@link BallotRules}).
 * <p>
 * Anonymity: who voted is written to budget_participation, what was chosen to budget_ballot with
 * only a voter key, HMAC-SHA-256 of the envelope and the account under the campaign's ballot key
 * (random, made at the first cast, erased by the count). A person finds their own ballot through
 * it; no method here, nor anywhere, returns another person's choices.
 */
@Service
@Transactional
public class BallotService {

    static final String ANYONE = "permitAll()";
    static final String SIGNED_IN = "isAuthenticated()";
    /** The receipt's alphabet: no 0/O or 1/I to confuse when copied by hand. */
    private static final char[] RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final String WEB = "WEB";
    /** An account the views do not know (deleted meanwhile): it may not vote. */
    private static final VoterEligibility.Voter NOBODY = new VoterEligibility.Voter(false, false, null, null);

    private final BallotStore store;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    BallotService(BallotStore store, CurrentUser currentUser, Clock clock) {
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The ballot page of a published campaign for the current person (a visitor too: they learn why they cannot vote). */
    @PreAuthorize(ANYONE)
    @Transactional(readOnly = true)
    public Optional<BallotPage> ballotPage(long campaignId) {
        Optional<VoteSettings> found = store.settings(campaignId).filter(VoteSettings::published);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        VoteSettings campaign = found.get();
        Instant now = clock.instant();
        Optional<ParticipeUser> user = currentUser.get();
        Optional<VoterEligibility.Voter> voter = user.map(u -> store.voter(u.accountId()).orElse(NOBODY));
        BallotAccess access = VoterEligibility.access(voter, campaign.phaseAt(now), campaign.minimumAge(), today(now));
        if (access == BallotAccess.ALLOWED && campaign.countedAt() != null) {
            access = BallotAccess.CLOSED;
        }
        List<EnvelopeRow> envelopes = store.envelopes(campaignId);
        boolean otherNeighbourhoods = false;
        List<EnvelopeBallot> ballots = new ArrayList<>();
        long seed = user.map(u -> orderSeed(campaignId, u.accountId())).orElse(0L);
        if (access.allowed()) {
            VoterEligibility.Voter person = voter.orElseThrow();
            List<EnvelopeRow> mine = envelopes.stream().filter(e -> VoterEligibility.mayVoteIn(person, e.neighbourhoodId())).toList();
            otherNeighbourhoods = mine.size() < envelopes.size();
            Map<Long, List<BallotProject>> projects = store.ballotProjects(mine.stream().map(EnvelopeRow::id).toList());
            Optional<byte[]> key = store.ballotKey(campaignId);
            for (EnvelopeRow envelope : mine) {
                Optional<StoredBallot> ballot = key.flatMap(k -> store.ballot(envelope.id(), VoterKeys.of(k, envelope.id(), user.get().accountId())));
                ballots.add(new EnvelopeBallot(envelope.id(), envelope.neighbourhoodId(), envelope.neighbourhoodName(), envelope.amountCents(),
                        inOrder(projects.get(envelope.id()), seed, envelope.id()), ballot.map(StoredBallot::choices).orElse(Set.of()),
                        ballot.map(StoredBallot::receipt).orElse(null)));
            }
        }
        boolean undeclared = access.allowed() && voter.orElseThrow().neighbourhoodId() == null && otherNeighbourhoods;
        return Optional.of(new BallotPage(campaign.id(), campaign.title(), campaign.phaseAt(now), campaign.voteClosesAt(), campaign.kind(),
                campaign.maxProjects(), campaign.countingRule(), campaign.minimumAge(), access, seed, ballots, otherNeighbourhoods, undeclared));
    }

    /**
     * Casts the current person's ballot of an envelope, or changes it while the vote is open: one
     * ballot and one participation per person and envelope, whatever the number of tabs casting at
     * once. Refusals are {@link InvalidInputException}s on the field {@code ballot}.
     */
    @PreAuthorize(SIGNED_IN)
    public Receipt cast(long campaignId, long envelopeId, Set<Long> projectIds) {
        ParticipeUser user = currentUser.require();
        Set<Long> chosen = Set.copyOf(projectIds);
        VoteSettings campaign = store.settings(campaignId).filter(VoteSettings::published)
                .orElseThrow(() -> InvalidInputException.of("ballot", "budget.ballot.error.unknown"));
        VoterEligibility.Voter voter = eligibleVoter(campaign, user);
        EnvelopeRow envelope = store.envelopes(campaignId).stream().filter(e -> e.id() == envelopeId).findFirst()
                .orElseThrow(() -> InvalidInputException.of("ballot", "budget.ballot.error.unknown"));
        if (!VoterEligibility.mayVoteIn(voter, envelope.neighbourhoodId())) {
            throw InvalidInputException.of("ballot", "budget.ballot.error.other-neighbourhood");
        }
        // The key first (its creation locks the campaign's row for update), then the share lock that
        // keeps the count away until this cast commits: in that order two first casts never deadlock.
        byte[] key = store.ballotKey(campaignId).orElseGet(() -> {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            return store.ballotKeyCreating(campaignId, fresh)
                    .orElseThrow(() -> InvalidInputException.of("ballot", "budget.ballot.refused.CLOSED"));
        });
        VoteSettings locked = store.settingsForCast(campaignId).orElseThrow();
        Instant now = clock.instant();
        if (locked.countedAt() != null || !locked.phaseAt(now).voteOpen()) {
            throw InvalidInputException.of("ballot", "budget.ballot.refused." + (locked.phaseAt(now).voteClosed() || locked.countedAt() != null
                    ? BallotAccess.CLOSED : BallotAccess.NOT_OPEN_YET));
        }
        Map<Long, Long> costs = store.ballotCosts(envelopeId);
        Optional<BallotRules.Refusal> refusal = BallotRules.check(locked.kind(), locked.maxProjects(), envelope.amountCents(), costs, chosen);
        if (refusal.isPresent()) {
            long total = chosen.stream().mapToLong(id -> costs.getOrDefault(id, 0L)).sum();
            throw InvalidInputException.of("ballot", refusal.get().messageKey(), euros(total), euros(envelope.amountCents()),
                    locked.maxProjects() == null ? 0 : locked.maxProjects());
        }
        String receipt = receipt();
        store.cast(envelopeId, user.accountId(), VoterKeys.of(key, envelopeId, user.accountId()), chosen, receipt, WEB, today(now));
        return new Receipt(envelopeId, receipt, chosen);
    }

    private VoterEligibility.Voter eligibleVoter(VoteSettings campaign, ParticipeUser user) {
        Instant now = clock.instant();
        VoterEligibility.Voter voter = store.voter(user.accountId()).orElse(NOBODY);
        BallotAccess access = VoterEligibility.access(Optional.of(voter), campaign.phaseAt(now), campaign.minimumAge(), today(now));
        if (access == BallotAccess.ALLOWED && campaign.countedAt() != null) {
            access = BallotAccess.CLOSED;
        }
        if (!access.allowed()) {
            throw InvalidInputException.of("ballot", "budget.ballot.refused." + access.name(), campaign.minimumAge());
        }
        return voter;
    }

    private static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2).stripTrailingZeros();
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, TownZone.zone());
    }

    private String receipt() {
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(RECEIPT_ALPHABET[random.nextInt(RECEIPT_ALPHABET.length)]);
        }
        return code.toString();
    }

    /**
     * The seed of a person's random order of the projects, stated on their ballot: the same for that
     * person and campaign at every visit, different from one person to the next, so that no project
     * gains from being first on every ballot. Six digits, derived (SHA-256) from the campaign and the
     * account, which it does not reveal.
     */
    static long orderSeed(long campaignId, long accountId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("participe-ballot-order:" + campaignId + ":" + accountId).getBytes(StandardCharsets.US_ASCII));
            return Math.floorMod(ByteBuffer.wrap(hash).getLong(), 1_000_000L);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The projects (in project order) shuffled by the seed, the envelope telling the envelopes' orders apart. */
    public static List<BallotProject> inOrder(List<BallotProject> projects, long seed, long envelopeId) {
        List<BallotProject> order = new ArrayList<>(projects);
        Collections.shuffle(order, new Random(seed * 1_000_003L + envelopeId));
        return order;
    }
}
