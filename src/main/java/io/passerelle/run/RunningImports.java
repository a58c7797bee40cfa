package io.passerelle.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Only one import of a company's records of a kind runs at a time, whichever connection asks and on whichever
 * instance: two users' connections reaching the same 24SevenOffice organization write the same customer rows, so the
 * second run is refused (409) while the first goes. Claims in the database ({@link RunClaims}), as
 * {@link RunningFlows}'; released when the run ends.
 */
@Component
public class RunningImports {

    /** One company's records of one canonical entity, named for the words of a refusal. */
    public record Import(long companyId, String companyName, String entity) {
    }

    private final RunClaims claims;

    RunningImports(RunClaims claims) {
        this.claims = claims;
    }

    /**
     * Claims the imports for the connection's run, all or none; the same connection may hold one twice (sync/all
     * after a flow of it), as {@link RunningFlows} already refuses a flow run twice.
     *
     * @return what releases the claim (harmless twice)
     * @throws CompanyImportBusyException naming a company another connection's run imports
     */
    public Runnable claim(String connectionId, List<Import> imports) {
        List<RunClaims.Claim> wanted = imports.stream().map(each -> new RunClaims.Claim(
                "import:" + each.companyId() + "/" + each.entity(), connectionId, RunClaims.Kind.IMPORT)).toList();
        List<RunClaims.Claim> taken = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            RunClaims.Claim claim = wanted.get(i);
            Optional<RunClaims.Holder> holder = claims.take(claim);
            if (holder.isEmpty()) {
                taken.add(claim);
            } else if (!holder.get().connectionId().equals(connectionId)) {
                taken.forEach(claims::release);
                throw new CompanyImportBusyException(connectionId, imports.get(i).companyName(),
                        holder.get().connectionId());
            }
        }
        return () -> {
            taken.forEach(claims::release);
            taken.clear();
        };
    }
}
