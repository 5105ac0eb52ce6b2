package tr.kopru.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The console's clock: sessions' expiry and the day shown. */
@ApplicationScoped
public class ConsoleClock {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
