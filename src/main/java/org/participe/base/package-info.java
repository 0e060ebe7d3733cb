/**
 * What several features share: value types, the clock, mail, rate limits, translations helpers and
 * the application shell (layout, error views). Depends on no feature.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.participe.base;

import org.springframework.modulith.ApplicationModule;
