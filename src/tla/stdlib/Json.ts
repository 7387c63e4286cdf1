/** The community module Json: values to JSON text, and JSON files read and written (paths relative to the spec). */
export const JSON_MODULE = String.raw`-------------------------------- MODULE Json --------------------------------
(***************************************************************************)
(* Every operator is evaluated natively. Records and functions become JSON *)
(* objects (keys printed as TLA+ values unless strings), sequences and     *)
(* sets become arrays, strings and model values strings. A relative file   *)
(* name is resolved against the folder of the module that calls the        *)
(* operator. Deserialization turns objects into records and arrays into    *)
(* sequences.                                                              *)
(***************************************************************************)
LOCAL INSTANCE TLC

ToJson(value) == CHOOSE s \in STRING : TRUE

ToJsonArray(value) == CHOOSE s \in STRING : TRUE

ToJsonObject(value) == CHOOSE s \in STRING : TRUE

\* Writes the sequence value as one JSON array.
JsonSerialize(absoluteFilename, value) == TRUE

\* The JSON value held by the file.
JsonDeserialize(absoluteFilename) == CHOOSE val : TRUE

\* Writes one JSON value per element of the sequence value, one per line.
ndJsonSerialize(absoluteFilename, value) == TRUE

\* The sequence of the JSON values of the file's non-empty lines.
ndJsonDeserialize(absoluteFilename) == CHOOSE val : TRUE

=============================================================================
`;
