insert into commitment (company_id, connection_id, commitment_type, reference_number, vendor_id, project_id,
                        description, doc_date, state, decided_by, decided_at, reason, created_by, created_at, updated_at)
values (:companyId, :connectionId, :type, :reference, :vendorId, :projectId,
        :description, :date, :state, :decidedBy, :decidedAt, null, :createdBy, :now, :now)
