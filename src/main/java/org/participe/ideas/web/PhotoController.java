package org.participe.ideas.web;

import org.participe.base.ImageResponses;
import org.participe.ideas.IdeaService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves an idea's photo and thumbnail to whoever may see the idea. */
@RestController
class PhotoController {

    private final IdeaService ideas;

    PhotoController(IdeaService ideas) {
        this.ideas = ideas;
    }

    @GetMapping("/media/ideas/{id}/photo.jpg")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        return ImageResponses.jpeg(ideas.photo(id, false));
    }

    @GetMapping("/media/ideas/{id}/thumbnail.jpg")
    ResponseEntity<byte[]> thumbnail(@PathVariable long id) {
        return ImageResponses.jpeg(ideas.photo(id, true));
    }
}
