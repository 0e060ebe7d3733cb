package org.participe.town.web;

import java.time.Duration;

import org.participe.town.TownService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the town's logo to everyone (the path is permitted in the security configuration). */
@RestController
class LogoController {

    private final TownService town;

    LogoController(TownService town) {
        this.town = town;
    }

    @GetMapping("/town/logo")
    ResponseEntity<byte[]> logo() {
        return town.logo()
                .map(logo -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(logo.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(logo.content()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
