/**
 * A small built-in list so a new rep sees a working lead list at once. The
 * numbers are in the 555-01xx range, reserved for fiction in North America.
 */
export const SAMPLE_LEADS_CSV = `First Name,Last Name,Company,Title,Work Phone,Mobile Phone,Email,Time Zone,Referred By,Reason
Dana,Whitfield,Harbor Logistics,Operations Director,(212) 555-0101,,dana.whitfield@example.com,Eastern Time (US & Canada),Sam Ortiz,your Q3 carrier review
Marcus,Bell,Brightline Dental,Practice Manager,(617) 555-0102,(617) 555-0152,marcus@example.com,America/New_York,,the new patient-recall rules
Priya,Raman,Cobalt Analytics,VP Sales,(312) 555-0103,,priya.raman@example.com,Central Time (US & Canada),Elena Park,your team's expansion in Chicago
Tom,Okafor,Greenleaf Grocers,Owner,(214) 555-0104,,tom@example.com,America/Chicago,,the delivery pilot
Lena,Fischer,Summit Outdoor Co,Head of Retail,(303) 555-0105,,lena.fischer@example.com,Mountain Time (US & Canada),Jo Kim,the spring catalogue
Ray,Delgado,Mesa Solar,Founder,(602) 555-0106,,ray@example.com,America/Phoenix,,your installer network
Grace,Liu,Pacific Crest Realty,Broker,(415) 555-0107,(415) 555-0157,grace.liu@example.com,Pacific Time (US & Canada),Ana Ruiz,the listings you shared with Ana
Owen,Hart,Cascade Fitness,GM,(206) 555-0108,,owen.hart@example.com,America/Los_Angeles,,your second location
Sofia,Marin,Lakeside Clinics,Office Manager,(305) 555-0109,,sofia@example.com,,,the scheduling backlog
Ben,Adler,Northwind Traders,Purchasing Lead,(404) 555-0110,,ben.adler@example.com,,Chris Young,the supplier change
Nora,Quinn,Quinn & Daughters,Partner,(702) 555-0111,,nora@example.com,,,the event season
Ivan,Petrov,Redwood Labs,CTO,(512) 555-0112,,ivan@example.com,,Maya Chen,your API rollout
Hana,Sato,Blue Fern Design,Creative Director,(503) 555-0113,,hana@example.com,,,the rebrand
Luis,Romero,Atlas Freight,Dispatch Manager,(713) 555-0114,,luis@example.com,,,fuel surcharges
Chloe,Martin,Maple Street Bakery,Owner,(802) 555-0115,,chloe@example.com,,,the wholesale order form
`;
