package org.participe.notifications.web;

import org.participe.notifications.NotificationService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one-click unsubscribe of RFC 8058: mail clients POST to the List-Unsubscribe address.
 * People who open the link in a browser get the page {@code mail/unsubscribe} instead.
 */
@RestController
class UnsubscribeController {

    private final NotificationService notifications;

    UnsubscribeController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @PostMapping("/mail/unsubscribe")
    ResponseEntity<Void> oneClick(@RequestParam("t") String token) {
        return notifications.unsubscribe(token) ? ResponseEntity.noContent().build() : ResponseEntity.status(HttpStatus.BAD_REQUEST).build();
    }
}
