package org.participe.moderation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.participe.base.content.ContentKey;
import org.participe.moderation.ModerationEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Alerts officials once per burst: so many flags across all content, or on one item, within a
 * window, alert once; the next alert of the same scope waits until the window has passed.
 */
@Component
public class FlagBursts {


    private final FlagStore flags;
    private final FlagBurstAlerts alerts;
    private final ApplicationEventPublisher events;
    private final FlagBurstRule rule;
    /** When each scope was last alerted, as far as this instance knows. */
    private final Map<Scope, Instant> lastAlerts = new ConcurrentHashMap<>();

    FlagBursts(FlagStore flags, FlagBurstAlerts alerts, ApplicationEventPublisher events,
               @Value("${participe.moderation.flag-burst.flags:10}") int flagsOverall,
               @Value("${participe.moderation.flag-burst.flags-on-one-item:5}") int flagsOnOneItem,
               @Value("${participe.moderation.flag-burst.minutes:30}") int minutes) {
        this.flags = flags;
        this.alerts = alerts;
        this.events = events;
        this.rule = new FlagBurstRule(flagsOverall, flagsOnOneItem, Duration.ofMinutes(minutes));
    }

    /**
     * Runs before the flagged item is locked, so that flags on one item do not queue behind it;
     * the flag being made counts as one more. Once a burst was alerted, the next flags of the
     * window learn it from memory (or, on another instance, from one read) and take no lock.
     */
    public void watch(ContentKey ref, ContentKey page, Instant now) {
        Instant since = rule.since(now);
        // Counted no further than the thresholds, in one statement: this runs on every flag.
        FlagStore.RecentFlags recent = flags.recent(ref, since, rule.flagsOverall(), rule.flagsOnOneItem());
        if (rule.overall(recent.overall()) && !alerted(Scope.ALL, since)) {
            alertOnce(null, null, recent.overall() + 1, now, since);
        } else if (rule.onOneItem(recent.onItem()) && !alerted(new Scope(ref), since)) {
            alertOnce(ref, page, recent.onItem() + 1, now, since);
        }
    }

    /** Whether this scope was alerted within the window: from memory, else from the alerts table. */
    private boolean alerted(Scope scope, Instant since) {
        if (FlagBurstRule.stillCovers(lastAlerts.get(scope), since)) {
            return true;
        }
        return alerts.latestAfter(scope.item(), since).map(at -> {
            lastAlerts.put(scope, at);
            return true;
        }).orElse(false);
    }

    /** One alert per burst even when flags arrive together: the check and the alert row commit under the alerts' lock. */
    private void alertOnce(ContentKey ref, ContentKey page, int count, Instant now, Instant since) {
        alerts.lock();
        Scope scope = new Scope(ref);
        lastAlerts.remove(scope);
        if (alerted(scope, since)) {
            return;
        }
        alerts.add(ref, count, now);
        lastAlerts.entrySet().removeIf(entry -> entry.getValue().isBefore(since));
        events.publishEvent(new ModerationEvents.FlagBurst(ref, page, count, (int) rule.window().toMinutes(), now));
    }

    /** What a burst is counted on: one item, or all content ({@code item} null). */
    private record Scope(ContentKey item) {
        static final Scope ALL = new Scope(null);
    }
}
