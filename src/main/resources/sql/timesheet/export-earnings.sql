-- the earnings of a page of lines; the ids come as a VALUES list (see SqlFiles.keyRows): with "line_id in (...)"
-- H2 tests every earning it reads against the whole list
select e.line_id, e.code, e.quantity
  from (values :lineIds) k (line_id)
  join timesheet_line_earning e on e.line_id = k.line_id
 order by e.line_id, e.code
