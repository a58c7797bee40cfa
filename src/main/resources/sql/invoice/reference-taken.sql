-- the invoice already holding this reference for the company and vendor, if any
select id
  from invoice
 where company_id = :companyId
   and vendor_id = :vendorId
   and reference_number = :reference
