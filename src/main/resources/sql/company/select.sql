select c.id, c.code, c.name, c.number, c.number_key, c.number_valid, c.legal_form, c.address, c.general_assembly_date
  from company c
 where c.id = :id
