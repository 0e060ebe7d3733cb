package org.participe.initiatives;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which phase is current: the one staff set, otherwise the one whose dates contain today; the
 * phases before it are past, those after it future.
 */
final class CurrentPhase {

    private CurrentPhase() {
    }

    static List<Phase> mark(List<Phase> phases, Long setPhaseId, LocalDate today) {
        int current = -1;
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            if (setPhaseId != null ? phase.id() == setPhaseId
                    : !today.isBefore(phase.startsOn()) && !today.isAfter(phase.endsOn())) {
                current = i;
                break;
            }
        }
        List<Phase> marked = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            Phase.When when;
            if (current >= 0) {
                when = i < current ? Phase.When.PAST : i == current ? Phase.When.CURRENT : Phase.When.FUTURE;
            } else {
                when = phase.endsOn().isBefore(today) ? Phase.When.PAST : Phase.When.FUTURE;
            }
            marked.add(new Phase(phase.id(), phase.position(), phase.name(), phase.startsOn(), phase.endsOn(), phase.description(), when));
        }
        return marked;
    }
}
