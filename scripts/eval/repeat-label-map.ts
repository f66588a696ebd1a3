/**
 * The one reviewed mapping from dialogue-dataset labels to Baton's askable fields, for
 * `npm run eval:repeat`. Principle: a dataset slot maps to a Baton field only when it holds the kind
 * of value that field captures (the visitor's own name, identifiers, security answers, a money
 * amount, a date, a time, a place, a number of people). Preferences, categories, yes/no choices and
 * the names of third parties or venues map to null (out of scope: the detector should say nothing).
 */
import type { AskableField } from "../../src/core/context/index.js";

/** SGD slot name (any service) → Baton field. Slots not listed are out of scope (null). */
export const SGD_SLOT_FIELD: Readonly<Record<string, AskableField>> = {
  // dates
  appointment_date: "date",
  check_in_date: "date",
  date: "date",
  departure_date: "date",
  dropoff_date: "date",
  leaving_date: "date",
  pickup_date: "date",
  return_date: "date",
  visit_date: "date",
  // times
  alarm_time: "time",
  new_alarm_time: "time",
  appointment_time: "time",
  leaving_time: "time",
  pickup_time: "time",
  time: "time",
  // places
  area: "location",
  city: "location",
  city_of_event: "location",
  destination: "location",
  destination_city: "location",
  from_location: "location",
  to_location: "location",
  location: "location",
  origin_city: "location",
  pickup_city: "location",
  pickup_location: "location",
  street_address: "address",
  // people
  number_of_seats: "party_size",
  number_of_riders: "party_size",
  passengers: "party_size",
  travelers: "party_size",
  // money and contact
  transfer_amount: "amount",
  phone_number: "phone",
};
// Deliberately null (reviewed): account_type, recipient_account_type, recipient_name (a third party),
// category, subcategory, genre, type, event_name, restaurant_name, hotel_name, property_name,
// therapist_name, number_of_beds/baths/rooms, number_of_days, stay_length (durations), shared_ride,
// price_range, rating, has_wifi and the other yes/no preferences.

/** STAR constraint slot (in `query` events) → Baton field, for the set of already-known fields. */
export const STAR_SLOT_FIELD: Readonly<Record<string, AskableField>> = {
  CustomerName: "name",
  PatientName: "name",
  RenterName: "name",
  FullName: "name",
  UserName: "name",
  AccountNumber: "account_id",
  PIN: "security_answer",
  SecurityAnswer1: "security_answer",
  SecurityAnswer2: "security_answer",
  DateOfBirth: "date_of_birth",
  id: "booking_reference",
  Day: "date",
  Date: "date",
  StartDate: "date",
  EndDate: "date",
  Time: "time",
  StartTimeHour: "time",
  EndTimeHour: "time",
  DepartureTime: "time",
  ArrivalTime: "time",
  DepartureLocation: "location",
  ArrivalLocation: "location",
  DepartureCity: "location",
  ArrivalCity: "location",
  Location: "location",
  City: "location",
  PartySize: "party_size",
  NumberGuests: "party_size",
  Price: "amount",
};
// Deliberately null: Name (the doctor/venue/hotel being booked, not the visitor), HostName and
// GuestName (other people), RoomNumber, RequestType, Cost (a price band), Symptoms, and the rest.

/**
 * STAR wizard action label → the Baton field it asks for and the constraint slots that hold the
 * same value (a re-ask is an ask whose slot was already in an earlier query). Labels not listed
 * ask for no in-scope field.
 */
export const STAR_ASK: Readonly<Record<string, { readonly field: AskableField; readonly slots: readonly string[] }>> = {
  ask_name: { field: "name", slots: ["CustomerName", "PatientName", "RenterName", "FullName", "UserName"] },
  bank_ask_account_number: { field: "account_id", slots: ["AccountNumber"] },
  bank_ask_pin: { field: "security_answer", slots: ["PIN"] },
  bank_ask_mothers_maiden_name: { field: "security_answer", slots: ["SecurityAnswer1"] },
  bank_ask_childhood_pets_name: { field: "security_answer", slots: ["SecurityAnswer2"] },
  bank_ask_dob: { field: "date_of_birth", slots: ["DateOfBirth"] },
  plane_ask_flight_id: { field: "booking_reference", slots: ["id"] },
  ride_ask_booking_number: { field: "booking_reference", slots: ["id"] },
  apartment_ask_day: { field: "date", slots: ["Day"] },
  doctor_ask_day: { field: "date", slots: ["Day"] },
  meeting_ask_day: { field: "date", slots: ["Day"] },
  party_ask_day: { field: "date", slots: ["Day"] },
  weather_ask_day: { field: "date", slots: ["Day"] },
  plane_ask_date: { field: "date", slots: ["Date"] },
  hotel_ask_date_from: { field: "date", slots: ["StartDate"] },
  hotel_ask_date_to: { field: "date", slots: ["EndDate"] },
  apartment_ask_start_time: { field: "time", slots: ["StartTimeHour"] },
  apartment_ask_end_time: { field: "time", slots: ["EndTimeHour"] },
  doctor_ask_start_time: { field: "time", slots: ["StartTimeHour"] },
  meeting_ask_start_time: { field: "time", slots: ["StartTimeHour"] },
  meeting_ask_end_time: { field: "time", slots: ["EndTimeHour"] },
  party_ask_starting_time: { field: "time", slots: ["StartTimeHour"] },
  party_ask_end_time: { field: "time", slots: ["EndTimeHour"] },
  party_ask_arrival_time: { field: "time", slots: ["ArrivalTime"] },
  hotel_ask_time: { field: "time", slots: ["Time"] },
  restaurant_ask_time: { field: "time", slots: ["Time"] },
  trip_ask_departure_time: { field: "time", slots: ["DepartureTime"] },
  ask_departure_location: { field: "location", slots: ["DepartureLocation", "DepartureCity"] },
  trip_ask_departure_location: { field: "location", slots: ["DepartureLocation"] },
  trip_ask_arrival_location: { field: "location", slots: ["ArrivalLocation"] },
  ride_ask_departure: { field: "location", slots: ["DepartureLocation"] },
  ride_ask_destination: { field: "location", slots: ["ArrivalLocation"] },
  plane_ask_arrival_city: { field: "location", slots: ["ArrivalCity"] },
  hotel_ask_location: { field: "location", slots: ["Location"] },
  restaurant_ask_location: { field: "location", slots: ["Location"] },
  weather_ask_location: { field: "location", slots: ["City"] },
  party_ask_number_of_guests: { field: "party_size", slots: ["NumberGuests"] },
  restaurant_ask_size: { field: "party_size", slots: ["PartySize"] },
  apartment_ask_price: { field: "amount", slots: ["Price"] },
};
// Deliberately not asks of an in-scope field: *_ask_confirm_booking, *_ask_search_more, *_ask_*_name
// of venues/doctors/hotels/guests/hosts, hotel_ask_room_number, preferences (rating, price band,
// balcony, food...), trivia questions and spaceship codes.
