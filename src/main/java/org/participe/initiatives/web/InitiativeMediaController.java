package org.participe.initiatives.web;

import org.participe.base.ImageResponses;
import org.participe.initiatives.InitiativeService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Covers and update images of the initiatives the viewer may see. */
@RestController
class InitiativeMediaController {

    private final InitiativeService initiatives;

    InitiativeMediaController(InitiativeService initiatives) {
        this.initiatives = initiatives;
    }

    @GetMapping("/media/initiatives/{id}/cover.jpg")
    ResponseEntity<byte[]> cover(@PathVariable long id) {
        return ImageResponses.jpeg(initiatives.cover(id, false));
    }

    @GetMapping("/media/initiatives/{id}/cover-thumbnail.jpg")
    ResponseEntity<byte[]> coverThumbnail(@PathVariable long id) {
        return ImageResponses.jpeg(initiatives.cover(id, true));
    }

    @GetMapping("/media/initiative-updates/{id}.jpg")
    ResponseEntity<byte[]> updateImage(@PathVariable long id) {
        return ImageResponses.jpeg(initiatives.updateImage(id));
    }
}
