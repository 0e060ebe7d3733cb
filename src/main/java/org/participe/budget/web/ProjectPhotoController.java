package org.participe.budget.web;

import org.participe.base.ImageResponses;
import org.participe.budget.ProjectService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Photos of the budget projects the viewer may see. */
@RestController
class ProjectPhotoController {

    private final ProjectService projects;

    ProjectPhotoController(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping("/media/budget-projects/{id}.jpg")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        return ImageResponses.jpeg(projects.photo(id, false));
    }

    @GetMapping("/media/budget-projects/{id}-thumbnail.jpg")
    ResponseEntity<byte[]> thumbnail(@PathVariable long id) {
        return ImageResponses.jpeg(projects.photo(id, true));
    }
}
