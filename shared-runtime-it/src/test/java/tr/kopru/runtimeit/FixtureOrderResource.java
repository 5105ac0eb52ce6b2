package tr.kopru.runtimeit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import tr.kopru.model.Money;
import tr.kopru.model.event.PaymentChannel;
import tr.kopru.model.rest.ApiResponse;
import tr.kopru.runtime.rest.ApiException;
import tr.kopru.runtime.rest.PageRequest;
import tr.kopru.runtime.security.RequiresScope;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A small resource in the house style, to exercise shared-runtime's REST plumbing. */
@Path("/api/v1/fixture-orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FixtureOrderResource {

    public record NewOrder(
            @NotBlank @Size(min = 24, max = 24, message = "must be exactly 24 characters") String invoiceNumber,
            @NotNull @DecimalMin(value = "0.01", message = "must be positive") Money amount,
            @NotNull PaymentChannel channel) {
    }

    public record Order(long id, String invoiceNumber, Money amount, String channel) {
    }

    private final Pool pool;

    public FixtureOrderResource(Pool pool) {
        this.pool = pool;
    }

    @POST
    @ResponseStatus(201)
    @RequiresScope("fixtures:write")
    public Uni<ApiResponse<Order>> create(@Valid @NotNull NewOrder order) {
        return pool.preparedQuery("""
                        INSERT INTO fixture_order (invoice_number, amount, channel) VALUES ($1, $2, $3)
                        ON CONFLICT (invoice_number) DO NOTHING RETURNING id""")
                .execute(Tuple.of(order.invoiceNumber(), order.amount().amount(), order.channel().wireName()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.conflict("An order for invoice " + order.invoiceNumber() + " exists");
                    }
                    long id = rows.iterator().next().getLong("id");
                    return ApiResponse.of(new Order(id, order.invoiceNumber(), order.amount(), order.channel().wireName()));
                });
    }

    @GET
    @RequiresScope("fixtures:read")
    public Uni<ApiResponse<List<Order>>> list(@Valid @BeanParam PageRequest page) {
        return pool.query("SELECT count(*) AS total FROM fixture_order").execute()
                .chain(count -> pool.preparedQuery(
                                "SELECT * FROM fixture_order ORDER BY id LIMIT $1 OFFSET $2")
                        .execute(Tuple.of(page.limit, page.offset))
                        .map(rows -> {
                            List<Order> orders = new ArrayList<>();
                            rows.forEach(row -> orders.add(toOrder(row)));
                            return ApiResponse.page(orders, count.iterator().next().getLong("total"), page.limit,
                                    page.offset);
                        }));
    }

    @GET
    @Path("/{id}")
    @RequiresScope("fixtures:read")
    public Uni<ApiResponse<Order>> get(@PathParam("id") long id) {
        return pool.preparedQuery("SELECT * FROM fixture_order WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.notFound("No order " + id);
                    }
                    return ApiResponse.of(toOrder(rows.iterator().next()));
                });
    }

    /** Counts the orders slowly (a query of two seconds), for a test that drops the connection meanwhile. */
    @GET
    @Path("/slow-count")
    @RequiresScope("fixtures:read")
    public Uni<ApiResponse<Long>> slowCount() {
        return pool.query("SELECT pg_sleep(2), count(*) AS total FROM fixture_order").execute()
                .map(rows -> ApiResponse.of(rows.iterator().next().getLong("total")));
    }

    @GET
    @Path("/broken")
    @RequiresScope("fixtures:read")
    public ApiResponse<Order> broken() {
        throw new IllegalStateException("database password is hunter2 and the stack is secret");
    }

    private static Order toOrder(Row row) {
        BigDecimal amount = row.getBigDecimal("amount");
        return new Order(row.getLong("id"), row.getString("invoice_number"), Money.of(amount), row.getString("channel"));
    }
}
