package org.participe.budget.web;

import java.nio.charset.StandardCharsets;

import org.participe.budget.BudgetResultService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves a counted envelope's anonymised ballots as a pabulib file, to anyone, once the vote is counted. */
@RestController
class BallotFileController {

    private final BudgetResultService results;

    BallotFileController(BudgetResultService results) {
        this.results = results;
    }

    @GetMapping("/media/budgets/{campaignId}/envelope-{envelopeId}.pb")
    ResponseEntity<byte[]> pabulib(@PathVariable long campaignId, @PathVariable long envelopeId) {
        return results.pabulib(campaignId, envelopeId)
                .map(text -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("participe-budget-" + campaignId + "-envelope-" + envelopeId + ".pb").build().toString())
                        .body(text.getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

}
