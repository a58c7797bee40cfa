insert into invoice (company_id, connection_id, reference_number, vendor_id, project_id, commitment_reference,
                     description, doc_date, due_date, state, decided_by, decided_at, reason, created_by, created_at,
                     updated_at)
values (:companyId, :connectionId, :reference, :vendorId, :projectId, :commitmentReference,
        :description, :date, :dueDate, :state, :decidedBy, :decidedAt, null, :createdBy, :now, :now)
