package tr.kopru.simulator.admin;

import tr.kopru.simulator.customs.CustomsApi;
import tr.kopru.simulator.flexcity.FlexCityApi;
import tr.kopru.simulator.utts.InstallationGenerator;
import tr.kopru.simulator.utts.UttsAccount;
import tr.kopru.simulator.utts.UttsApi;

import java.util.ArrayList;
import java.util.List;

/** Applies a scenario to the three upstreams and remembers it. */
public final class SimulatorState {

    private final UttsApi utts;
    private final InstallationGenerator installations;
    private final FlexCityApi flexCity;
    private final CustomsApi customs;
    private volatile Scenario scenario;

    public SimulatorState(UttsApi utts, InstallationGenerator installations, FlexCityApi flexCity, CustomsApi customs) {
        this.utts = utts;
        this.installations = installations;
        this.flexCity = flexCity;
        this.customs = customs;
    }

    public synchronized void apply(Scenario next) {
        List<UttsAccount> accounts = new ArrayList<>();
        for (int i = 0; i < next.uttsAccounts().size(); i++) {
            Scenario.UttsAccountSpec spec = next.uttsAccounts().get(i);
            accounts.add(new UttsAccount(i, spec.email(), spec.password(), spec.companyName(), spec.installations()));
        }
        utts.replaceAccounts(accounts, next.uttsTokenLifetimeSeconds());
        installations.configure(next.uttsChangeShare(), Math.max(1, next.uttsNewPerGeneration()));
        installations.reset();
        flexCity.replaceInstitutions(next.institutions());
        customs.replace(next.customs());
        this.scenario = next;
    }

    public Scenario scenario() {
        return scenario;
    }

    public List<UttsAccount> uttsAccounts() {
        return utts.accounts();
    }

    public InstallationGenerator installations() {
        return installations;
    }
}
