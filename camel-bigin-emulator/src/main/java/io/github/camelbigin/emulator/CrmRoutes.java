package io.github.camelbigin.emulator;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The calls only Zoho CRM has beyond records: lead conversion, change of owner, blueprints, mail from a record, the
 * recycle bin and composite calls. {@link #route} answers null for any other path, which the record routes then take.
 */
final class CrmRoutes {

    private final Org org;
    private final MassJobs jobs;
    private final LeadConversion conversion;
    private final OwnerChanges owners;
    private final Blueprints blueprints;
    private final SentMails mails;
    private final RecycleBinRoutes recycleBin;
    private final CompositeRequests composite;

    CrmRoutes(Org org, BiginEmulator emulator, RecordFiles files, MassJobs jobs) {
        this.org = org;
        this.jobs = jobs;
        this.conversion = new LeadConversion(org, files, jobs);
        this.owners = new OwnerChanges(org, jobs);
        this.blueprints = new Blueprints(org);
        this.mails = new SentMails(org);
        this.recycleBin = new RecycleBinRoutes(org);
        this.composite = new CompositeRequests(org, emulator);
    }

    void reset() {
        jobs.reset();
        conversion.reset();
        mails.reset();
        blueprints.reset();
    }

    Blueprints blueprints() {
        return blueprints;
    }

    SentMails mails() {
        return mails;
    }

    /** The answer to a CRM-only call, or null when {@code seg} is not one. */
    Answer route(RecordedRequest req, List<String> seg, Map<String, Map<String, Predicate<Map<String, Object>>>> views) {
        String method = req.method();
        if (seg.size() == 1 && "__composite_requests".equals(seg.get(0))) {
            return composite.run(req);
        }
        if (seg.size() >= 2 && "settings".equals(seg.get(0)) && "recycle_bin".equals(seg.get(1))) {
            return recycleBin.route(req, seg.subList(2, seg.size()));
        }
        if (seg.size() < 3 || org.module(seg.get(0)) == null) {
            return null;
        }
        Org.ModuleData m = org.module(seg.get(0));
        if (seg.size() == 3 && "actions".equals(seg.get(1))) {
            switch (seg.get(2)) {
                case "mass_convert":
                    requireLeads(m);
                    return conversion.massConvert(req);
                case "change_owner":
                    ApiRoutes.requireMethod(method, "POST");
                    return owners.change(m, null, req);
                case "mass_change_owner":
                    return owners.massChange(m, req, views.getOrDefault(m.spec.apiName(), Map.of()));
                default:
                    return null;
            }
        }
        if (seg.size() == 4 && "actions".equals(seg.get(2))) {
            String id = seg.get(1);
            switch (seg.get(3)) {
                case "convert":
                    requireLeads(m);
                    ApiRoutes.requireMethod(method, "POST");
                    return conversion.convert(id, req);
                case "change_owner":
                    ApiRoutes.requireMethod(method, "POST");
                    return owners.change(m, id, req);
                case "blueprint":
                    if ("GET".equals(method)) {
                        return blueprints.read(m, id);
                    }
                    ApiRoutes.requireMethod(method, "PUT");
                    return blueprints.perform(m, id, req);
                case "send_mail":
                    ApiRoutes.requireMethod(method, "POST");
                    return mails.send(m, id, req);
                default:
                    return null;
            }
        }
        return null;
    }

    private static void requireLeads(Org.ModuleData m) {
        if (!"Leads".equals(m.spec.apiName())) {
            throw ApiRoutes.notFound();
        }
    }
}
