package tr.kopru.collection.service;

import tr.kopru.runtime.time.TurkeyTime;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.collection.client.FlexCityClient;
import tr.kopru.collection.domain.InstructionStatus;
import tr.kopru.collection.domain.StandingInstruction;
import tr.kopru.collection.repository.StandingInstructionRepository;
import tr.kopru.runtime.rest.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Registers standing instructions, by declaration id or by a water subscriber's number and region (resolved to its
 * declaration and taxpayer through FlexCity), and pauses, resumes and deletes them.
 */
@ApplicationScoped
public class InstructionService {

    /** What to register; either {@code declarationId} or {@code subscriberNo} with {@code regionId}. */
    public record NewInstruction(String institution, Long declarationId, String subscriberNo, String regionId,
                                 int scanEveryDays, boolean autoCollect, String createdBy) {
    }

    private final StandingInstructionRepository instructions;
    private final FlexCityClient flexCity;
    private final Clock clock;

    public InstructionService(StandingInstructionRepository instructions, FlexCityClient flexCity, Clock clock) {
        this.instructions = instructions;
        this.flexCity = flexCity;
        this.clock = clock;
    }

    public Uni<StandingInstruction> register(NewInstruction request) {
        flexCity.institution(request.institution());
        Uni<StandingInstruction> instruction = request.declarationId() != null
                ? flexCity.declaration(request.institution(), request.declarationId()).map(found -> found
                .map(d -> build(request, d.id(), d.sbsMuhatapId()))
                .orElseThrow(() -> ApiException.invalid(Map.of("declaration_id",
                        List.of("FlexCity has no declaration " + request.declarationId())))))
                : flexCity.subscriber(request.institution(), request.subscriberNo(), request.regionId())
                .map(found -> found.stream().findFirst()
                        .filter(s -> s.declarationId() != null)
                        .map(s -> build(request, s.declarationId(), s.taxpayerId()))
                        .orElseThrow(() -> ApiException.invalid(Map.of("subscriber_no",
                                List.of("FlexCity has no subscriber " + request.subscriberNo() + " in region "
                                        + request.regionId())))));
        return instruction.call(instructions::insert)
                .onFailure(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(e -> ApiException.conflict("The declaration already has a standing instruction"));
    }

    /**
     * Registers instructions for many declarations at once (moving existing instructions over from another system):
     * the ids are taken as given, without a FlexCity look-up each; a wrong id simply never has debts. Answers how
     * many were new.
     */
    public Uni<Integer> registerMany(String institution, List<Long> declarationIds, int scanEveryDays,
                                     boolean autoCollect, String createdBy) {
        flexCity.institution(institution);
        NewInstruction template = new NewInstruction(institution, null, null, null, scanEveryDays, autoCollect,
                createdBy);
        return instructions.insertMany(declarationIds.stream().distinct().map(id -> build(template, id, null)).toList());
    }

    public Uni<StandingInstruction> setStatus(UUID id, InstructionStatus status) {
        return instructions.setStatus(id, status, clock.instant()).map(changed -> changed.orElseThrow(
                () -> ApiException.notFound("No standing instruction " + id)));
    }

    private StandingInstruction build(NewInstruction r, long declarationId, Long taxpayerId) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, TurkeyTime.ZONE);
        return new StandingInstruction(UUID.randomUUID(), r.institution(), declarationId, taxpayerId, r.subscriberNo(),
                r.regionId(), r.scanEveryDays(), r.autoCollect(), InstructionStatus.ACTIVE, today, null, r.createdBy(),
                now, now);
    }
}
