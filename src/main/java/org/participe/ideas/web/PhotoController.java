package org.participe.ideas.web;

import java.time.Duration;

import org.participe.ideas.IdeaService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
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
        return serve(id, false);
    }

    @GetMapping("/media/ideas/{id}/thumbnail.jpg")
    ResponseEntity<byte[]> thumbnail(@PathVariable long id) {
        return serve(id, true);
    }

    private ResponseEntity<byte[]> serve(long id, boolean thumbnail) {
        return ideas.photo(id, thumbnail)
                .map(bytes -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
                        .body(bytes))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
